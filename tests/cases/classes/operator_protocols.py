# Operator dunders, reflected and in-place operations, truthiness, sequence and iterator protocols.
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()), 10 in Seq(), 5 in Seq())
class E:
    def __eq__(self, o): return True
try:
    hash(E())
except TypeError as e:
    print(e)
class H:
    __hash__ = None
try:
    {H(): 1}
except TypeError as e:
    print(e)
class V:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        if isinstance(o, V): return V(self.v + o.v)
        return NotImplemented
    def __radd__(self, o): return V(o + self.v)
    def __iadd__(self, o): self.v += 100; return self
    def __neg__(self): return V(-self.v)
    def __bool__(self): return self.v != 0
    def __len__(self): return 7
    def __repr__(self): return f"V({self.v})"
    def __eq__(self, o): return isinstance(o, V) and o.v == self.v
    def __lt__(self, o): return self.v < o.v
    __hash__ = object.__hash__
v = V(1); w = v; v += 5
print(v, w, v is w, V(1) + V(2), 3 + V(1), -V(4), bool(V(0)), len(V(0)), sum([V(1), V(2)], V(0)))
try:
    V(1) + 1
except TypeError as e:
    print(e)
print(sorted([V(3), V(1), V(2)]), V(1) == V(1), V(1) != V(2), V(2) > V(1), V(1) in [V(1)])
class Count:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration
        return self.n
print(list(Count()), [x for x in Count() if x > 1], dict(zip("abc", Count())))
def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("closing")
        raise
g = gen(); next(g); g.close(); print("closed")
def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
