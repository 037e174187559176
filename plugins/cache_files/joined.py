"""A file made of thousands of pieces joined, taken apart again by the next build.

The feed's page of services, the CSV file and editorial's manifest.json are each a
head, a piece a service joined by a separator, and a tail. A build keeps (in its
record, cache_files.WrittenRecord) the length in bytes of every piece and the digest
of the file; the next build, when the file on disk still has that digest, takes the
pieces of the services that did not change from the file itself, as slices of its
bytes (no decoding, no row of a cache read), makes the others, and joins them again.

At 10,000 services the three files are 53 MB: decoding each service's kept row (the
feed) or splitting the file and checking it line by line (the manifest) to join them
again took 1.7 s of a one-provider rebuild. Reading them, checking their digests and
writing them again is the floor this leaves.

The file is written piece by piece (write_joined), never held whole: joined in memory,
editorial's manifest was held twice (its pieces and the file) at the full build's
highest memory, about 600 MB at 100,000 services.
"""

import hashlib
import itertools
from pathlib import Path

from . import replacing

# Bytes read at a time when a file on disk is hashed to see whether it changed.
READ_SIZE = 1 << 20


def file_digest(data):
    return hashlib.sha256(data).hexdigest()


def joined(head, pieces, separator, tail):
    """The bytes of the file; `pieces` are bytes (or memoryview slices of an earlier file)."""
    return b"".join((head, separator.join(pieces), tail))


def write_joined(path, head, pieces, separator, tail, old_digest=None):
    """Write the file of `head`, `pieces` (bytes or memoryviews, in order; an iterator may make
    each as it is written) joined by `separator`, and `tail` to `path`, whole or not at all (a
    new file in its folder, renamed over it), and return what the record keeps of it:
    {"digest", "lengths"} (the length of each piece); the file is left as it is
    when it already holds those bytes. `old_digest` is the file's digest when the caller knows it
    (pieces_on_disk checked it); else a file at `path` is hashed to find out."""
    hasher, lengths = hashlib.sha256(), []
    with replacing(path, keep_old=lambda: hasher.hexdigest() == (old_digest or _digest_on_disk(path))) as handle:
        def write(data):
            handle.write(data)
            hasher.update(data)
        write(head)
        for piece in pieces:
            if lengths:
                write(separator)
            write(piece)
            lengths.append(len(piece))
        write(tail)
    return {"digest": hasher.hexdigest(), "lengths": lengths}


def _digest_on_disk(path):
    try:
        with open(path, "rb") as handle:
            hasher = hashlib.sha256()
            while block := handle.read(READ_SIZE):
                hasher.update(block)
            return hasher.hexdigest()
    except OSError:
        return None


def pieces_on_disk(path, kept, head, separator):
    """(the file's bytes, a memoryview of each piece, in order) of the file at `path` when it
    is the file `kept` (write_joined's answer) describes, starting with `head` and with `separator` after
    every piece but the last; else (None, None). A record of another shape counts as none."""
    if not isinstance(kept, dict) or not isinstance(kept.get("digest"), str):
        return None, None
    lengths = kept.get("lengths")
    if not isinstance(lengths, list) or not all(type(length) is int and length >= 0 for length in lengths):
        return None, None
    try:
        data = Path(path).read_bytes()
    except OSError:
        return None, None
    if not lengths or file_digest(data) != kept["digest"] or not data.startswith(head):
        return None, None
    step = len(separator)
    starts = list(itertools.accumulate((length + step for length in lengths[:-1]), initial=len(head)))
    if starts[-1] + lengths[-1] > len(data):
        return None, None
    view = memoryview(data)
    if step and any(view[start - step:start] != separator for start in starts[1:]):
        return None, None  # the digest matches but the lengths do not divide the file
    return data, [view[start:start + length] for start, length in zip(starts, lengths)]
