# Generators whose loops are compiled: each path ends at the yield, and the tree runs again
# when the generator is resumed. Everything here must print what CPython prints.


def odd_numbers(n):
    for i in range(n):
        yield i * 2 + 1


def signs(xs):
    # The yield on either branch: a side trace ends at the second one.
    for x in xs:
        if x % 3:
            yield x * x
        else:
            yield -x


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def grows(start):
    # Past 2**63 inside the loop: the interpreter's big ints take over.
    x = start
    while True:
        yield x
        x = x * 3 + 1


def changes_type(xs):
    total = 0
    for x in xs:
        total += x
        yield total


def echo(n):
    # Values sent in arrive at the yield, after the trace has left through it.
    got = 0
    for i in range(n):
        sent = yield i + got
        if sent is not None:
            got += sent


def guarded(n):
    # A throw() into the suspended generator lands in the try around the yield.
    caught = 0
    for i in range(n):
        try:
            yield i
        except ValueError:
            caught += 1
            yield -caught


def finisher(n, log):
    try:
        for i in range(n):
            yield i
    finally:
        log.append("closed")


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def rows(u):
    # spectral_norm's shape: a generator expression over enumerate, reading a closure's cell.
    return [sum(eval_a(i, j) * u_j for j, u_j in enumerate(u)) for i in range(len(u))]


def divides(xs, d):
    for x in xs:
        yield x // d


def main():
    print(sum(odd_numbers(1000)))
    print(list(odd_numbers(5)))
    print(sum(signs([1, 2, 3, 4.5, 6, 7] * 40)))
    print(sum(countdown(500)), list(countdown(3)))

    g = grows(1)
    big = [next(g) for _ in range(60)]
    print(big[-1], type(big[-1]).__name__, big[38:41])

    print(list(changes_type([1] * 100 + [0.5] * 10 + [1j] * 3))[-5:])

    e = echo(300)
    out = [next(e)]
    for k in range(299):
        out.append(e.send(k % 7 if k % 5 else None))
    print(sum(out), out[-3:])

    t = guarded(200)
    seen = []
    for k in range(150):
        v = next(t)
        if k % 40 == 39:
            v = t.throw(ValueError("x"))
        seen.append(v)
    print(sum(seen), seen[-3:], seen[38:42])

    log = []
    f = finisher(1000, log)
    firsts = [next(f) for _ in range(120)]
    f.close()
    print(firsts[-1], log)

    u = [1.0] * 60
    for _ in range(3):
        u = rows(u)
    print(u[0], u[-1], sum(u))

    # A generator suspended in compiled code, resumed after its list changed under it.
    xs = list(range(200))
    it = divides(xs, 3)
    first = [next(it) for _ in range(100)]
    xs[150] = 7.5
    xs.append(1000)
    del xs[0]
    print(first[-1], list(it)[48:53], len(xs))

    # An exception in the generator's loop reaches the consumer, and the generator is done.
    z = divides([6, 3, 9] * 40 + [0, 5], 0 if False else 1)
    print(sum(z))
    bad = divides(list(range(1, 200)), 0)
    try:
        sum(bad)
    except ZeroDivisionError as exc:
        print("ZeroDivisionError:", exc)
    print(list(bad))

    # Generators driving each other: a compiled loop consuming a generator.
    def pairs(n):
        for a in odd_numbers(n):
            yield a, -a

    total = 0
    for a, b in pairs(300):
        total += a * 2 + b
    print(total)

    # yield from inside a loop.
    def chained(n):
        for i in range(n):
            yield from countdown(i % 4)

    print(sum(chained(400)), list(chained(5)))

    # -0.0 and nan through the yield.
    def specials(n):
        x = -0.0
        for i in range(n):
            yield x * i
            if i == 100:
                x = float("nan")

    vals = list(specials(120))
    print(vals[0], vals[50], vals[-1], vals[101] != vals[101])


main()
