# List and tuple items read and written in compiled code: negative indexes at both ends,
# indexes one past either end, stores over objects and over numbers of other types,
# tuples of tuples, a list aliased by two names, a list emptied while indexed.


def negative_reads(n):
    xs = [float(k) for k in range(n)]
    total = 0.0
    for i in range(1, n + 1):
        total += xs[-i] * i
    return total


def edge_reads(xs):
    out = []
    for i in range(-len(xs) - 2, len(xs) + 2):
        try:
            out.append(xs[i])
        except IndexError:
            out.append("miss")
    return out


def store_over_objects(n):
    xs = ["s%d" % k for k in range(n)] + [[k] for k in range(n)] + [1j * k for k in range(n)]
    for i in range(len(xs)):
        xs[i] = i * 0.5
    return xs[:3], xs[n : n + 3], xs[-3:]


def store_kinds(n):
    xs = [0] * n
    for i in range(n):
        if i % 3 == 0:
            xs[i] = i
        elif i % 3 == 1:
            xs[i] = i / 4
        else:
            xs[i] = i % 2 == 0
    for i in range(n):
        xs[-1 - i] = xs[i] if i % 5 else xs[-1 - i]
    return xs


def store_out_of_range(n):
    xs = [0.0] * n
    errors = 0
    for i in range(-n - 3, n + 3):
        try:
            xs[i] = xs[i] + 1.0
        except IndexError:
            errors += 1
    return xs, errors


def tuple_reads(n):
    grid = tuple((k, k * 2.0, -k) for k in range(n))
    s = 0.0
    for i in range(n):
        row = grid[-1 - i]
        s += row[0] + row[1] + row[-1] + row[-2]
    return s


def aliased(n):
    a = [1.0] * n
    b = a
    for i in range(1, n):
        b[i] = a[i - 1] * 1.5
    return a[-1], a is b


def emptied_while_indexed(n):
    xs = [1.0] * n
    s = 0.0
    for i in range(n):
        if i == n // 2:
            xs.clear()
        try:
            s += xs[i]
            xs[i] = 2.0
        except IndexError:
            s -= 1.0
    return s


def shrink_and_regrow(n):
    xs = [0] * 4
    hits = 0
    for i in range(n):
        k = i % 6
        if k == 5:
            del xs[-1]
        elif k == 2:
            xs.append(7)
        try:
            xs[k] = i
            hits += 1
        except IndexError:
            pass
    return xs, hits


print(negative_reads(300))
print(edge_reads([1.5, 2.5, 3.5]))
print(edge_reads((1, 2)))
print(store_over_objects(200))
print(store_kinds(150)[-12:])
print(store_out_of_range(40))
print(tuple_reads(300))
print(aliased(200))
print(emptied_while_indexed(300))
print(shrink_and_regrow(300))
