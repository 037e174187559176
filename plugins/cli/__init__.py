"""`localoffer`: the command line of a Local Offer site.

Each command is a module with four names: NAME (the word typed after
`localoffer`), HELP (one line for `localoffer --help`), add_arguments(parser)
and run(args), which returns the exit code. Adding a command is one entry in
COMMANDS; the module is imported only when `localoffer` starts, and its heavy
imports wait until run().
"""

import argparse
import importlib
import sys

from localoffer import __version__

COMMANDS = [
    "localoffer.cli.new_site",
    "localoffer.cli.validate",
    "localoffer.cli.build",
    "localoffer.cli.preview",
    "localoffer.cli.serve",
    "localoffer.cli.new_provider",
    "localoffer.open_data.import_command",
]

DESCRIPTION = """\
Build and check a council's SEND Local Offer site. Run it in the site's folder
(the one with pelicanconf.py), or give --settings."""


def build_parser(commands=COMMANDS):
    parser = argparse.ArgumentParser(prog="localoffer", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"localoffer {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for module_name in commands:
        command = importlib.import_module(module_name)
        # The module's docstring, if it has one, is the longer text of the command's own --help.
        sub = subparsers.add_parser(command.NAME, help=command.HELP, description=command.__doc__,
                                    formatter_class=argparse.RawDescriptionHelpFormatter)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv=None):
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
