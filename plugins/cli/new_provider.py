"""Start a new provider file (a draft) from the template, asking for what is
missing when there is a terminal. It is written to providers/<id>.yaml with
today's date as last_reviewed, then checked."""

import datetime
import sys
from pathlib import Path

from .site import SiteError, add_settings_argument, display, fail, providers_path, read_site_settings, settings_file

NAME = "new-provider"
HELP = "start a new provider file as a draft"

QUESTIONS = {
    "id": "Service id (lower-case letters, digits and hyphens, e.g. riverside-speech-dropin): ",
    "name": "Service name: ",
    "organisation": "Organisation that runs it: ",
    "category": "Category ({categories}): ",
}


def add_arguments(parser):
    parser.add_argument("--id", default="",
                        help="the service's id: lower-case letters, digits and hyphens (the page is /services/<id>/)")
    parser.add_argument("--name", default="", help="the service's name")
    parser.add_argument("--organisation", default="", help="the organisation that runs it")
    parser.add_argument("--category", default="", help="one of the council's category ids (LOCAL_OFFER_CATEGORIES)")
    parser.add_argument("--email", default="", help="an email address families can use")
    parser.add_argument("--phone", default="", help="a phone number families can use")
    parser.add_argument("--website", default="", help="a web page about the service")
    parser.add_argument("--folder", default="", help="where to write it (default: the PROVIDERS_PATH setting, providers/)")
    add_settings_argument(parser)


def ask_for_missing(args, categories):
    """The answers, asking for each one not given; SiteError when one is missing and nobody can be asked."""
    answers = {key: getattr(args, key) for key in QUESTIONS}
    for key, question in QUESTIONS.items():
        if not answers[key]:
            if not sys.stdin.isatty():
                raise SiteError(f"new-provider needs --{key} when it cannot ask (no terminal)")
            answers[key] = input(question.format(categories=", ".join(categories))).strip()
    contact = {key: getattr(args, key) for key in ("email", "phone", "website") if getattr(args, key)}
    if not contact and sys.stdin.isatty():
        contact["email"] = input("Email address families can use: ").strip()
    if not contact:
        raise SiteError("new-provider needs at least one of --email, --phone or --website")
    return answers, contact


def run(args):
    from localoffer.service_directory.cli import validate_paths
    from localoffer.service_directory.fieldref import starter_file

    try:
        path = settings_file(args)
        settings = read_site_settings(path)
        answers, contact = ask_for_missing(args, settings["LOCAL_OFFER_CATEGORIES"])
    except SiteError as error:
        return fail(str(error))
    site = path.parent
    target = (Path(args.folder).resolve() if args.folder else providers_path(settings, site)) / f"{answers['id']}.yaml"
    if target.exists():
        return fail(f"{display(target, site)} already exists; choose another id")
    values = {
        "id": answers["id"], "service.name": answers["name"], "organisation.name": answers["organisation"],
        "service.categories": [answers["category"]], "last_reviewed": datetime.date.today().isoformat(),
        **{f"contact.{key}": value for key, value in contact.items()},
    }
    target.write_text(starter_file(values), encoding="utf-8")
    [result] = validate_paths([target], settings, site)
    shown = result.display_path
    if not result.ok:
        for problem in result.problems:
            print(problem)
        return fail(f"{shown} was written but has problems: fix them, then run localoffer validate {shown}")
    print(f"Wrote {shown} as a draft. Fill it in, then run: localoffer validate {shown}")
    return 0
