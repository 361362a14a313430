# A suspended generator whose last reference goes away is closed at once: GeneratorExit at
# its yield, so finally blocks and with-exits run before the next statement.
class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, typ, exc, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return False


def numbers(tag):
    try:
        for i in range(10):
            yield i
    finally:
        print("finally", tag)


def managed(tag):
    with Resource(tag):
        yield 1
        yield 2


g = numbers("del")
next(g)
del g
print("after del")

g = numbers("rebind")
next(g)
g = None
print("after rebind")

for x in numbers("break"):
    if x == 2:
        break
print("after break")


def local_only():
    it = numbers("local")
    return next(it) + next(it)


print(local_only())
print(next(numbers("temporary")))

m = managed("with")
print(next(m))
m = None
print("after with")

unstarted = numbers("never started")
unstarted = None
print("unstarted: no close")

done = numbers("exhausted")
print(sum(done))
done = None
print("exhausted: closed once")


def watcher():
    try:
        yield 1
    except GeneratorExit:
        print("saw GeneratorExit")
        raise


w = watcher()
next(w)
w = 0
print("after watcher")


def inner():
    try:
        yield 1
    finally:
        print("inner closed")


def outer():
    try:
        yield from inner()
    finally:
        print("outer closed")


o = outer()
next(o)
o = None
print("after yield from")
