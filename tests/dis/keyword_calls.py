def call_them(f, items):
    f(1, 2, key=3)
    f(*items)
    f(*items, **{"a": 1})
    f(x=1, y=2)
    print(items, sep=", ", end="\n")
    return sorted(items, key=len, reverse=True)
