"""Read a source service while noting which of its fields were used, so the
report can list every field that was not, with a count."""

# Identifiers and links between records carry no information for a provider file.
STRUCTURAL = ("id",)


class Fields:
    """A dict from the source, read through `text`, `number`, `one` and `many`."""

    def __init__(self, data, path, used):
        self.data, self.path, self.used = data, path, used

    def _mark(self, key):
        self.used.add(f"{self.path}{key}")

    def raw(self, key):
        self._mark(key)
        return self.data.get(key)

    def text(self, *keys):
        """The first of `keys` that holds text, stripped; None if none does."""
        for key in keys:
            value = self.raw(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                value = str(value)
            if isinstance(value, str) and value.strip():
                return value.strip()
        return None

    def number(self, key):
        value = self.raw(key)
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                return None
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    def one(self, key):
        value = self.data.get(key)
        return Fields(value, f"{self.path}{key}.", self.used) if isinstance(value, dict) else None

    def many(self, key):
        value = self.data.get(key)
        if isinstance(value, dict):  # one record where a list was expected
            value = [value]
        if not isinstance(value, list):
            return []
        return [Fields(item, f"{self.path}{key}[].", self.used) for item in value if isinstance(item, dict)]

    def mark_all(self):
        """Count every field of this record as read: what it says was taken from elsewhere."""
        for path in unused_fields(self.data, set(), self.path):
            self.used.add(path)


def unused_fields(data, used, path=""):
    """Every field of `data` that holds something and was never read, as paths like `organization.logo`."""
    found = []
    for key, value in data.items():
        if value in (None, "", [], {}) or key in STRUCTURAL or key.endswith("_id"):
            continue
        here = f"{path}{key}"
        if isinstance(value, dict):
            found += unused_fields(value, used, here + ".")
        elif isinstance(value, list) and any(isinstance(item, dict) for item in value):
            for item in value:
                if isinstance(item, dict):
                    found += unused_fields(item, used, here + "[].")
        elif here not in used:
            found.append(here)
    return sorted(set(found))
