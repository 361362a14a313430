# Indexing with positive and negative indices, item assignment, del, and index errors.

lst = [10, 20, 30, 40, 50]
print(lst[0], lst[4], lst[-1], lst[-5], lst[True], lst[False], lst[-True])
tup = ("a", "b", "c")
print(tup[0], tup[-1], tup[1], tup[-3])
s = "héllo🐍"
print(s[0], s[1], s[-1], s[-2], len(s))
r = range(10, 100, 7)
print(r[0], r[-1], r[3], len(r), r[-len(r)])
big_r = range(10 ** 20)
print(big_r[-1], big_r[10 ** 19])
nested = [[1, [2, [3, 4]]], {"k": (5, 6)}]
print(nested[0][1][1][0], nested[1]["k"][-1], nested[-1]["k"][0])

for container, index in [(lst, 5), (lst, -6), (tup, 3), (s, 10), (r, 100), ([], 0), ("", 0), ((), -1),
                         (lst, 10 ** 20)]:
    try:
        print(container[index])
    except IndexError as e:
        print(type(e).__name__, e)
for container, index in [(lst, "0"), (lst, 1.0), (tup, None), (s, 1.5), (r, "a"), (lst, [0])]:
    try:
        print(container[index])
    except TypeError as e:
        print(type(e).__name__, e)

# item assignment
lst[0] = 11
lst[-1] = 55
lst[2] += 3
print(lst)
try:
    lst[7] = 1
except IndexError as e:
    print(type(e).__name__, e)
for target in [tup, s, r]:
    try:
        target[0] = "x"
    except TypeError as e:
        print(type(e).__name__, e)

# dict subscripts
d = {}
d["one"] = 1
d[2] = "two"
d[(3, 4)] = [3, 4]
d[2.0] = "two float"
d[True] = "true"
print(d, d["one"], d[2], d[3, 4], d[1])
try:
    print(d["missing"])
except KeyError as e:
    print(type(e).__name__, e)
try:
    print(d[(1, 2)])
except KeyError as e:
    print(type(e).__name__, e)
try:
    d[[1]] = 1
except TypeError as e:
    print(type(e).__name__, e)

# del
del lst[0]
print(lst)
del lst[-1]
print(lst)
del d["one"]
del d[3, 4]
print(d)
try:
    del d["nope"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    del lst[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    del tup[0]
except TypeError as e:
    print(type(e).__name__, e)

# matrix-style updates
grid = [[0] * 4 for _ in range(3)]
for i in range(3):
    for j in range(4):
        grid[i][j] = i * 4 + j
grid[-1][-1] = -1
print(grid, grid[1][-2], [row[-1] for row in grid])

# index evaluation order: container, then index, then value
order = []
def note(tag, value):
    order.append(tag)
    return value
note("container", grid)[note("index", 0)][note("inner", 0)] = note("value", 99)
print(order, grid[0])

# negative indexing walks from the end
word = "python"
print([word[-i] for i in range(1, len(word) + 1)])
print([word[i] for i in range(-len(word), 0)])
