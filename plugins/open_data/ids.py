"""Stable identifiers for the open data.

Open Referral wants a UUID for every object. Each one here is a UUID version 5
of an address on the site, so the same service on the same site always gets
the same id, build after build and machine after machine, and two councils'
services never share one.
"""

import hashlib
import re
import uuid

NAMESPACE = uuid.NAMESPACE_URL.bytes


def address_uuid(address):
    """str(uuid.uuid5(uuid.NAMESPACE_URL, address)), without making a UUID object: a feed of
    10,000 services needs about a million of these."""
    digest = bytearray(hashlib.sha1(NAMESPACE + address.encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # the RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def service_address(base, service_id):
    return f"{base}/services/{service_id}/"


def service_uuid(base, service_id):
    return address_uuid(service_address(base, service_id))


def part_uuid(base, service_id, part):
    """A part of one service: `location-0`, `schedule-1`, `contact`, ..."""
    return address_uuid(f"{service_address(base, service_id)}#{part}")


def organisation_uuid(base, name):
    return address_uuid(f"{base}/organisations/{slug(name)}")


def taxonomy_uuid(base, taxonomy):
    return address_uuid(f"{base}/open-referral/taxonomies/{taxonomy}")


def term_uuid(base, taxonomy, term):
    return address_uuid(f"{base}/open-referral/taxonomies/{taxonomy}/{term}")


def slug(text):
    """`Riverside Children's Therapy Trust` -> `riverside-childrens-therapy-trust`."""
    text = text.casefold().replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
