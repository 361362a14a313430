# A loop calling a small function, entered ever deeper until the call inside the loop hits the
# recursion limit. Compiled with the call inlined, the loop must still raise RecursionError at
# the same depth and iteration as the interpreter. (pyvm does not count builtin calls such as
# range() against the limit as CPython 3.11 does, so this is compared with pyvm's interpreter.)


def sq(x):
    return x * x


def loop_calls(n):
    t = 0
    failed = 0
    for i in range(n):
        try:
            t += sq(i)
        except RecursionError:
            failed += 1
    return t, failed


def recurse(depth):
    if depth == 0:
        return loop_calls(60)
    return recurse(depth - 1)


for d in list(range(20, 30)) + list(range(990, 1000)) + list(range(10)):
    try:
        print(d, recurse(d))
    except RecursionError:
        print(d, "RecursionError")
