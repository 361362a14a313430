# A generator that yields again after GeneratorExit cannot be closed: RuntimeError, reported
# where the last reference went away.
def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring GeneratorExit")


s = stubborn()
next(s)
s = None
print("still running")
