# list methods: append, extend, insert, pop, remove, index, count, sort, reverse, copy, clear.

a = []
a.append(1)
a.append("two")
a.append([3])
a.append(a[-1])
print(a, len(a), a[2] is a[3])

b = [1, 2]
b.extend([3, 4])
b.extend((5,))
b.extend("ab")
b.extend(range(2))
b.extend([])
print(b)
b.extend(b)
print(b, len(b))
try:
    b.extend(5)
except TypeError as e:
    print(type(e).__name__, e)

c = [1, 2, 3]
c.insert(0, "start")
c.insert(2, "mid")
c.insert(100, "end")
c.insert(-1, "before end")
c.insert(-100, "very start")
print(c)

d = [10, 20, 30, 40, 50]
print(d.pop(), d)
print(d.pop(0), d)
print(d.pop(-2), d)
print(d.pop(1), d)
print(d.pop(), d)
try:
    d.pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1].pop(5)
except IndexError as e:
    print(type(e).__name__, e)

e = [3, 1, 3, 2, 3]
e.remove(3)
print(e)
e.remove(3)
print(e)
try:
    e.remove(99)
except ValueError as err:
    print(type(err).__name__, err)
print([1, 1.0, True].count(1), [None, 0, False].count(0), [[1], [1]].count([1]))

f = ["a", "b", "c", "b", "a"]
print(f.index("b"), f.index("b", 2), f.index("a", 1, 5), f.count("a"), f.count("z"))
try:
    f.index("z")
except ValueError as err:
    print(type(err).__name__, err)
try:
    f.index("a", 1, 3)
except ValueError as err:
    print(type(err).__name__, err)

g = [5, -2, 9, 0, -2, 7]
g.sort()
print(g)
g.sort(reverse=True)
print(g)
g.sort(key=abs)
print(g)
g.reverse()
print(g)
words = ["pear", "Fig", "apple", "Banana"]
words.sort()
print(words)
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)

h = [1, [2, 3]]
h2 = h.copy()
h2.append(4)
h2[1].append("shared")
print(h, h2, h == h2, h is h2)
h3 = h[:]
print(h3 == h, h3 is h)

h.clear()
print(h, len(h), h2)

# methods return None
print([].append(1), [3, 1].sort(), [1].reverse(), [].clear(), [].extend([]), [0].insert(0, 1))

# list operators
x = [1, 2, 3]
print(x + [4], x * 2, [0] * 3, 2 in x, 5 not in x, x == [1, 2, 3], x < [1, 2, 4], [] < [0])
x += [4, 5]
x *= 2
print(x)
x[1:3] = ["a", "b", "c"]
print(x)
x[::2] = range(len(x[::2]))
print(x)
try:
    x[::2] = [1, 2]
except ValueError as err:
    print(type(err).__name__, err)
try:
    x[100] = 1
except IndexError as err:
    print(type(err).__name__, err)

# a stack and a queue using list methods
stack = []
for ch in "([{}])":
    if ch in "([{":
        stack.append(ch)
    else:
        opening = stack.pop()
        print("matched", opening, ch)
print("stack empty:", stack == [])
queue = [1, 2, 3]
queue.append(4)
print(queue.pop(0), queue.pop(0), queue)
