# collections.namedtuple: construction, tuple behaviour, helpers, defaults and errors.
from collections import namedtuple

Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], p[:1], len(p))
x, y = p
print(x, y, p == (1, 2), (1, 2) == p, hash(p) == hash((1, 2)), isinstance(p, tuple))
print(Point._fields, p._asdict(), p._replace(x=5), Point._make([3, 4]))
print(Point, Point.__name__, type(p).__name__, list(p), tuple(p), sum(p))
print({p: 'found'}[(1, 2)], sorted([Point(2, 1), Point(1, 5)]))
Person = namedtuple('Person', ['name', 'age', 'city'], defaults=['Nowhere'])
print(Person('Ann', 30), Person('Bob', 4, 'Leeds'), Person._field_defaults)
Pair = namedtuple('Pair', 'a, b')
print(Pair(a=1, b=[2]))
R = namedtuple('R', 'a def _x a', rename=True)
print(R._fields)
Single = namedtuple('Single', 'only')
print(Single(1), Single._make([2]))
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=3),
            lambda: Point._make([1]), lambda: p._replace(z=1),
            lambda: namedtuple('P', '1x'), lambda: namedtuple('P', 'def'),
            lambda: namedtuple('P', '_x'), lambda: namedtuple('P', 'x x'),
            lambda: namedtuple('P', 'x', defaults=[1, 2])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__)
print(p + (3,), (0,) + p, p * 2, p < Point(1, 3), Point(*[5, 6]), f"{p}", str(p))
