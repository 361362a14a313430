# super().__init__ through a chain of classes, with keyword arguments and a base that keeps
# object's __init__.
class Base:
    def __init__(self, v, *, scale=1):
        self.v = v * scale


class Middle(Base):
    def __init__(self, v, **kw):
        super().__init__(v, **kw)
        self.middle = True


class Leaf(Middle):
    def __init__(self, v):
        super().__init__(v, scale=10)
        self.leaf = "yes"


class Plain:
    def __init__(self):
        super().__init__()
        self.ok = 1


for obj in [Base(2), Middle(3), Leaf(4), Plain()]:
    print(type(obj).__name__, sorted(vars(obj).items()))

s = super(Leaf, Leaf(1))
print(s.__init__.__name__, s.__init__.__qualname__)
try:
    super(Plain, Plain()).__init__(1)
except TypeError as e:
    print("TypeError:", e)


class OnlyNew:
    def __new__(cls, *args):
        return super().__new__(cls)


print(type(OnlyNew(1, 2)).__name__)
for make in [lambda: Plain(1), lambda: object.__init__(Plain(), 5), lambda: Base.__init__(Base(1), 1, 2)]:
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
