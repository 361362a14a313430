# A triple-quoted string that never ends.
def f():
    """Docstring that starts here
    and keeps going
    return 1

print(f())
