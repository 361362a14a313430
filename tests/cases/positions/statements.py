# Source positions (co_positions) of each instruction for common statements: tracebacks and
# profilers read these, so they must match CPython's exactly.


def control(xs, n):
    total = 0
    for i, x in enumerate(xs):
        if x > n:
            continue
        elif x < -n:
            break
        total += x * i
    else:
        total = -1
    while n > 0 and total:
        n -= 1
    return total


def calls(f, a, *args, **kw):
    f(a, *args, key=1, **kw)
    r = f(a)(a)[a].b.c
    a.method(1, 2).other()
    return [y for y in a if y], {k: v for k, v in kw.items()}


def errors(a):
    try:
        a / 0
    except (ZeroDivisionError, TypeError) as e:
        print(e)
    except Exception:
        raise
    else:
        pass
    finally:
        a = None
    assert a is None, "a must be None"
    with open(a) as f, open(a):
        del f
    return lambda q=a: q


def expressions(a, b):
    x = a if b else -a
    y = not a or b and a
    z = [a, *b, (a, b), {a: b}, {a, b}, a[1:2], a[::b]]
    s = f"{a!r:>{b}} and {b}"
    a.x, b[0] = a.y, b[1]
    a += 1
    b[0] **= 2
    return x, y, z, s


def show(func):
    print(func.__name__)
    for i, p in enumerate(func.__code__.co_positions()):
        print(" ", i, func.__code__.co_code[2 * i], p)


for func in [control, calls, errors, expressions]:
    show(func)
