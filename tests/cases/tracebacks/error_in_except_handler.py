# An exception raised while handling another: "During handling of the above exception ...".

def load(table, key):
    try:
        return table[key]
    except KeyError:
        print("key", repr(key), "missing, falling back")
        return table["default"] / len(table)


print(load({"a": 1, "default": 2}, "b"))
print(load({"a": 1}, "z"))
