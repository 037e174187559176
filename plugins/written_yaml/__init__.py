"""A library, not a Pelican plugin: read YAML that people write by hand, keeping
the text they wrote and the line of every key, and describe problems with it.

service_directory (provider files) and coproduction (the tracker and "You said,
we did") both read files this way and report problems in the same one-line
form, so they share this code instead of each keeping a copy.
"""
