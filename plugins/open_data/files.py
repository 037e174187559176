"""Write a folder of generated files so that it holds exactly those files.

Only files whose bytes changed are written (a rebuild after one change
rewrites one service's document), and files an earlier build left, such as
the document of a service that has since been removed, are deleted.
"""

import itertools
import os
from pathlib import Path

from localoffer.cache_files import write_if_changed


def write_folder(output, folder, files, kept=(), walk=True):
    """`files`: {path relative to `output`: bytes}, every path inside `folder`; `kept`: paths
    relative to `output` of files already holding their bytes, left as they are. Without `walk`,
    the caller knows `folder` holds no other file, and it is not searched for them."""
    output = Path(output)
    for relative, data in files.items():
        write_if_changed(output / relative, data)
    if not walk:
        return
    root = output / folder
    wanted = {os.path.normpath(output / relative) for relative in itertools.chain(files, kept)}
    for directory, subdirs, names in os.walk(root, topdown=False):
        for name in names:
            path = os.path.join(directory, name)
            if os.path.normpath(path) not in wanted:
                os.unlink(path)
        if directory != str(root) and not os.listdir(directory):
            os.rmdir(directory)
