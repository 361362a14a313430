# is / is not with singletons, same objects, copies and containers.

a = [1, 2, 3]
b = a
c = list(a)
print(a is b, a is c, a == c, a is not c, b is not a)
b.append(4)
print(a, c, a is b)

print(None is None, None is not None, True is True, False is False, True is not False)
x = None
print(x is None, x is not None, x == None)

def returns_none():
    pass
print(returns_none() is None, print is print, len is len)

t = (1, 2)
u = t
print(t is u, t == (1, 2))
e1 = ()
e2 = e1
print(e1 is e2, e1 == ())

s1 = "hello"
s2 = s1
print(s1 is s2, s1 == "hello")
empty = ""
print(empty == "", empty is not None)

d = {"k": [1]}
v = d["k"]
print(v is d["k"], d.get("k") is v, d.get("missing") is None)

lst = [[]] * 3
print(lst[0] is lst[1], lst[0] is lst[2])
lst2 = [[] for _ in range(3)]
print(lst2[0] is lst2[1], lst2[0] == lst2[1])

nums = [0, 1, 2]
copy = nums[:]
print(copy is nums, copy == nums, nums[0] is copy[0])

def identity(o):
    return o
obj = {"a": 1}
print(identity(obj) is obj, identity(None) is None)

print(type(1) is int, type(1.0) is float, type(True) is bool, type(True) is int, type("") is str,
      type([]) is list, type(()) is tuple, type({}) is dict, type(None) is type(None), type(1j) is complex)

r = range(3)
print(r is r, r is not range(3), r == range(3))
f1 = lambda: 0
f2 = lambda: 0
print(f1 is f2, f1 is f1, f1 == f2)

flags = [True, False, None]
for fl in flags:
    print(repr(fl), fl is True, fl is False, fl is None, fl is not None)

m = n = []
m.append(1)
print(m is n, n)
m = m + [2]
print(m is n, m, n)
p = q = [0]
p += [1]
print(p is q, q)
tt = ww = (0,)
tt += (1,)
print(tt is ww, tt, ww)
