# An exception raised three calls deep: the traceback lists every frame.

def outer(data):
    print("outer with", data)
    return middle(data) * 2


def middle(data):
    print("middle")
    return inner(data, "missing") + 1


def inner(data, key):
    print("inner looking up", repr(key))
    return data[key]


print("start")
result = outer({"present": 1})
print(result)
