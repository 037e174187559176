"""The one contract between the plugins: `local_offer` in Pelican's context.

Plugins never talk through loose context keys or by importing each other.
`service_directory` creates one `LocalOffer` in its `generate_context` and
publishes it as the context's `local_offer` (as Pelican's own generators
publish `pages` and `articles`); every other plugin reads it there.

The object is made of parts. Each part has one owner (`OWNERS`), the only
plugin that may publish it, and is published once: no plugin writes, replaces
or changes another plugin's part. Each plugin declares the parts it reads in a
module-level `READS` tuple and reads through `local_offer.view(plugin, READS)`,
which refuses any other part: so the declarations in the code are checked by
every build and by the tests (tests/test_contract*.py), and the table in
plugins/README.md is checked against them.

Templates read the same object (`local_offer.taxonomy.need_groups`, ...):
the theme is a reader too, and its reads are listed in `THEME_READS`.
"""

import datetime
from dataclasses import dataclass, field

# Which plugin publishes each part. One writer per part, and the order of
# localoffer.PLUGINS makes a part ready before its readers run.
OWNERS = {
    "services": "service_directory",
    "service_pages": "service_directory",
    "taxonomy": "service_directory",
    "dates": "service_directory",
    "preview": "service_directory",
    "provider_files": "service_directory",
    "summary": "service_directory",
    "easy_read": "easy_read",
    "coproduction": "coproduction",
    "navigation": "site_navigation",
}

# What the theme's templates read (each template names the parts it uses in its comment).
THEME_READS = ("services", "taxonomy", "preview", "easy_read", "coproduction", "navigation")


@dataclass(frozen=True)
class Taxonomy:
    """The council's words for what a service offers, in the council's order.

    `categories`, `needs` and `areas` are lists of `Term` (`.id`, `.label`,
    `.url`, `.kind`, `.services`: the listed services that carry it);
    `need_groups` lists `NeedGroup` (`.label`, `.needs`); `age_groups` lists
    `AgeGroup` (`.id`, `.label`, `.min`, `.max`, `.url`, `.services`).
    """

    categories: list
    needs: list
    areas: list
    need_groups: list
    age_groups: list


@dataclass(frozen=True)
class ReviewDates:
    """The one build date every plugin uses, and the review dates that follow from it.

    `build_date` is SERVICES_BUILD_DATE when set (so builds are reproducible),
    else today; `stale_before`: a service last reviewed before it shows an
    "out of date" notice; `due_before`: one reviewed before it is due within a month.
    """

    build_date: datetime.date
    stale_before: datetime.date
    due_before: datetime.date


@dataclass(frozen=True)
class BuildSummary:
    """How many provider files the build found of each kind."""

    published: int = 0
    draft: int = 0
    closed: int = 0
    rejected: int = 0
    hidden: int = 0  # not reviewed for SERVICES_HIDE_AFTER_MONTHS, so left out


@dataclass(frozen=True)
class EasyReadPart:
    """What easy_read made: `links` maps a page's address (`page_path`) to the
    address of its easy-read version; `findings` lists every easy-read finding
    (`.file`, `.line`, `.rule`, `.message`, `.where`, `.url`), sorted by file and line;
    `twins` maps a Markdown twin's source path to its `EasyReadPage`."""

    links: dict
    findings: list
    twins: dict = field(default_factory=dict)

    def twin(self, page):
        """The easy-read page made from Pelican's twin `page` (templates call it: easy_read_page.html)."""
        return self.twins[page.source_path]


@dataclass(frozen=True)
class CoproductionPart:
    """What coproduction made for the theme: `section` is the co-production
    section's own menu, a list of {"title", "url"}: its content pages in their
    `Order`, then the tracker, "You said, we did" and the feedback page."""

    section: list


class ContractError(AttributeError):
    """A plugin broke the contract: read a part it did not declare, or wrote one it does not own."""


class LocalOffer:
    """The contract object: the parts below, each published once by its owner (`OWNERS`).

    - `services`: the listed services (published, plus drafts in previews; not
      closed ones), A to Z by name. Each is the service model (plugins/README.md).
    - `service_pages`: every service that gets a page (closed ones too), A to Z.
    - `taxonomy`: a `Taxonomy`.
    - `dates`: a `ReviewDates`, holding the one build date.
    - `preview`: `True` in preview builds (drafts included), else `False`.
    - `provider_files`: every provider file's checked result (`.path`,
      `.display_path`, `.data`, `.problems`, `.status`, `.ok`): the problems found are there.
      `.data` is read when asked for: unless `EDITORIAL_REPORT` is on (as in previews), a file
      checked in the build is checked again to give it (nothing but the editorial report reads it).
    - `summary`: a `BuildSummary`.
    - `easy_read`: an `EasyReadPart`, when easy_read runs.
    - `coproduction`: a `CoproductionPart`, when coproduction runs.
    - `navigation`: the content pages' `.title` and `.url`, sorted by title, for the menu and footer.
    """

    def __init__(self):
        object.__setattr__(self, "_parts", {})

    def __setattr__(self, name, value):
        # A part is published by its owner, never set like an attribute by whoever holds the object.
        raise ContractError(f"local_offer.{name} cannot be set; its owner publishes it with "
                            f"local_offer.publish(plugin, {name}=...)")

    def publish(self, plugin, **parts):
        """Publish `plugin`'s own parts, once each."""
        for name, value in parts.items():
            owner = OWNERS.get(name)
            if owner is None:
                raise ContractError(f"{plugin} publishes local_offer.{name}, which is not a part of the contract "
                                    f"(the parts are: {', '.join(OWNERS)})")
            if owner != plugin:
                raise ContractError(f"{plugin} publishes local_offer.{name}, which only {owner} may write")
            if name in self._parts:
                raise ContractError(f"{plugin} publishes local_offer.{name} a second time; a part is published once")
        self._parts.update(parts)

    def has(self, name):
        """Whether the part is published (a plugin that is off publishes nothing)."""
        return name in self._parts

    def view(self, plugin, reads):
        """What `plugin` may read: the parts in its `READS`, and no others."""
        unknown = [name for name in reads if name not in OWNERS]
        if unknown:
            raise ContractError(f"{plugin} declares READS of {', '.join(unknown)}, which the contract does not have")
        return ContractView(self, plugin, tuple(reads))

    def __getattr__(self, name):
        # Only called for names that are not attributes: the parts, for templates.
        if name.startswith("_") or name not in OWNERS:
            raise ContractError(f"local_offer has no part {name!r} (the parts are: {', '.join(OWNERS)})")
        try:
            return self._parts[name]
        except KeyError:
            raise ContractError(f"local_offer.{name} is not published: is {OWNERS[name]} in PLUGINS, "
                                f"before the plugins that read it?") from None

    def __repr__(self):
        return f"<LocalOffer parts: {', '.join(sorted(self._parts))}>"


class ContractView:
    """One plugin's window on `local_offer`: reading a part it did not declare
    in READS is an error that names the plugin and the part."""

    def __init__(self, local_offer, plugin, reads):
        for name, value in (("_local_offer", local_offer), ("_plugin", plugin), ("_reads", reads)):
            object.__setattr__(self, name, value)

    def __setattr__(self, name, value):
        raise ContractError(f"{self._plugin} sets local_offer.{name}; a plugin reads through its view "
                            f"and publishes only its own parts")

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name not in self._reads:
            raise ContractError(f"{self._plugin} reads local_offer.{name} but does not declare it in READS "
                                f"(it declares: {', '.join(self._reads) or 'nothing'})")
        return getattr(self._local_offer, name)

    def has(self, name):
        if name not in self._reads:
            raise ContractError(f"{self._plugin} asks for local_offer.{name} but does not declare it in READS "
                                f"(it declares: {', '.join(self._reads) or 'nothing'})")
        return self._local_offer.has(name)


def publish_part(context, plugin, **parts):
    """Publish `plugin`'s own parts on the context's `local_offer`, once each."""
    local_offer = context.get("local_offer")
    if local_offer is None:
        raise ContractError(f"{plugin}: there is no local_offer in the context to publish "
                            f"{', '.join(parts)} on; is service_directory in PLUGINS before {plugin}?")
    local_offer.publish(plugin, **parts)


def contract_of(context, plugin, reads):
    """`plugin`'s view of the context's `local_offer`; a clear error when service_directory did not make one."""
    local_offer = context.get("local_offer")
    if local_offer is None:
        raise ContractError(f"{plugin}: there is no local_offer in the context; "
                            f"is service_directory in PLUGINS before {plugin}?")
    return local_offer.view(plugin, reads)
