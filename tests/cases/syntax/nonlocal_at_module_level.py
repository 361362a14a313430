# nonlocal is only valid inside nested functions.
def f():
    return 1

nonlocal counter
counter = f()
print(counter)
