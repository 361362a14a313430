# Hit counts of loops: for, nested for, while with compound conditions, break/continue,
# else clauses, and statements spread over several lines.
try:
    profile
except NameError:
    def profile(func):
        return func


@profile
def for_loops(n):
    total = 0
    for i in range(n):
        for j in range(i):
            total += j
    for k in range(n):
        if k % 2:
            continue
        if k > 6:
            break
        total -= k
    else:
        total = -1
    return total


@profile
def while_loops(limit):
    a, b, steps = 0, 1, 0
    while b < limit and steps < 100 or a == 0:
        a, b = b, a + b
        steps += 1
    while not (steps <= 0):
        steps -= 3
    else:
        steps = 0
    n = 0
    while True:
        n += 1
        if n >= 4:
            break
    return a, b, n


@profile
def multi_line(xs):
    result = {
        "count": len(xs),
        "total": sum(
            x * 2
            for x in xs
        ),
    }
    if (result["count"] > 2
            and result["total"] > 0):
        value = (result["count"] +
                 result["total"])
    else:
        value = 0
    squares = [x * x
               for x in xs
               if x % 2]
    return value, squares


print(for_loops(10))
print(while_loops(1000))
print(multi_line([1, 2, 3, 4, 5]))
print(multi_line([]))
