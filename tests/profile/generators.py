# Hit counts in generators: each resumption continues the frame, `yield from`, a generator
# abandoned early, send(), and generator expressions inside a profiled function.
try:
    profile
except NameError:
    def profile(func):
        return func


@profile
def countdown(n):
    while n > 0:
        yield n
        n -= 1


@profile
def chained(n):
    yield from countdown(n)
    yield 0


@profile
def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total


@profile
def consume():
    seen = []
    for v in chained(3):
        seen.append(v)
    first = next(countdown(10))
    evens = sum(x for x in range(10) if x % 2 == 0)
    return seen, first, evens


print(list(countdown(4)))
print(consume())
acc = accumulate()
next(acc)
for v in (5, 7, 9):
    print(acc.send(v))
try:
    acc.send(None)
except StopIteration as e:
    print("done", e.value)
