# A list element of another type appears mid-loop; indexes out of range; negative indexes.


def sum_by_index(lst):
    s = 0.0
    for i in range(len(lst)):
        s = s + lst[i]
    return s


def sum_by_iter(lst):
    s = 0.0
    for x in lst:
        s = s + x
    return s


def describe(lst):
    out = []
    for i in range(len(lst)):
        x = lst[i]
        if x is None:
            out.append("none@%d" % i)
        elif isinstance(x, str):
            out.append("str@%d" % i)
    return out


def try_sum(lst):
    s = 0.0
    bad = []
    for i in range(len(lst)):
        try:
            s = s + lst[i] * 2.0
        except TypeError as e:
            bad.append((i, str(e)))
    return s, bad


def index_past_end(lst, extra):
    s = 0.0
    misses = 0
    for i in range(len(lst) + extra):
        try:
            s += lst[i]
        except IndexError:
            misses += 1
    return s, misses


def index_outside(lst):
    s = 0.0
    i = 0
    try:
        while True:
            s += lst[i]
            i += 1
    except IndexError as e:
        return s, i, str(e)


def negative_indexes(lst):
    s = 0.0
    seen = []
    for i in range(1, len(lst) + 1):
        s = s * 0.5 + lst[-i]
        if i <= 3 or i >= len(lst) - 1:
            seen.append(lst[-i])
    try:
        lst[-len(lst) - 1]
    except IndexError as e:
        seen.append(str(e))
    return s, seen


def negative_wrap(lst, n):
    s = 0
    for i in range(n):
        s += lst[-(i % len(lst)) - 1] * (i % 7)
    return s


n = 1500
base = [float(i) * 0.25 for i in range(n)]

with_int = base[:]
with_int[1000] = 7
print(repr(sum_by_index(with_int)), repr(sum_by_iter(with_int)))

with_complex = base[:]
with_complex[1100] = 2 + 3j
print(sum_by_index(with_complex), sum_by_iter(with_complex))

with_big = base[:]
with_big[900] = 2**80
print(repr(sum_by_index(with_big)), repr(sum_by_iter(with_big)))

with_bool = base[:]
with_bool[1200] = True
print(repr(sum_by_index(with_bool)), repr(sum_by_iter(with_bool)))

with_str = base[:]
with_str[1300] = "x"
with_str[1301] = None
print(describe(with_str))
print(try_sum(with_str))
try:
    sum_by_index(with_str)
except TypeError as e:
    print("outside:", e)
try:
    sum_by_iter(with_str)
except TypeError as e:
    print("outside iter:", e)

print(index_past_end(base, 5))
print(index_past_end([1.5] * 10, 1000))
print(index_outside(base))
print(index_outside([]))
print(negative_indexes(base))
print(negative_wrap(list(range(37)), 3000))

ints = list(range(1000))
ints[700] = 700.5
print(repr(sum_by_index(ints)), repr(sum_by_iter(ints)))
