# Dunder methods of built-in types as attributes (slot wrappers), and calling them from subclasses.

def show(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '-> EXC', type(e).__name__, e)

show("abs", lambda: (-10).__abs__())
show("int add", lambda: int.__add__(1, 2))
show("int add float", lambda: int.__add__(1, 1.5))
show("float add int", lambda: float.__add__(1.5, 1))
show("float radd", lambda: (1.5).__radd__(2))
show("int radd", lambda: (1).__radd__(2))
show("int rsub", lambda: (1).__rsub__(10))
show("floor", lambda: (1.5).__floor__())
show("ceil", lambda: (1.5).__ceil__())
show("neg floor", lambda: (-1.5).__floor__())
show("truediv", lambda: float.__truediv__(1.0, 2))
show("zerodiv", lambda: int.__truediv__(1, 0))
show("list add", lambda: list.__add__([1], [2]))
show("list mul", lambda: [1, 2].__mul__(2))
show("str rmul", lambda: 'ab'.__rmul__(3))
show("int mul str", lambda: (3).__mul__('ab'))
show("str mod", lambda: '%d-%s'.__mod__((1, 'x')))
show("str hash", lambda: str.__hash__('abc') == hash('abc'))
show("tuple getitem", lambda: tuple.__getitem__((1, 2), 1))
show("int eq float", lambda: (1).__eq__(1.5))
show("float eq int", lambda: (1.0).__eq__(1))
show("int ne str", lambda: (1).__ne__('a'))
show("str eq", lambda: 'a'.__eq__('a'))
show("str eq int", lambda: 'a'.__eq__(1))
show("int lt", lambda: (1).__lt__(2))
show("list lt", lambda: [1].__lt__([2]))
show("list lt tuple", lambda: [1].__lt__((2,)))
show("complex lt", lambda: (1j).__lt__(2j))
show("object lt", lambda: object().__lt__(object()))
show("repr", lambda: int.__repr__(5))
show("str repr", lambda: 'a'.__repr__())
show("len", lambda: [1, 2].__len__())
show("contains", lambda: [1].__contains__(1))
show("iter", lambda: list([1, 2].__iter__()))
show("neg", lambda: (3).__neg__())
show("pos", lambda: (3.5).__pos__())
show("invert", lambda: (3).__invert__())
show("round", lambda: (3.7).__round__())
show("round int", lambda: (1234).__round__(-2))
show("trunc", lambda: (7).__trunc__())
show("index", lambda: (3).__index__())
show("float", lambda: (3).__float__())
show("bool", lambda: (0).__bool__())
show("bool list", lambda: [].__bool__())
show("pow", lambda: (2).__pow__(10))
show("pow mod", lambda: (2).__pow__(10, 7))
show("rpow", lambda: (2).__rpow__(3))
show("divmod", lambda: (7).__divmod__(2))
show("rdivmod", lambda: (7).__rdivmod__(30))
show("and", lambda: (6).__and__(3))
show("set or", lambda: sorted({1}.__or__({2})))
show("set sub", lambda: sorted({1, 2}.__sub__({2})))
show("dict setitem", lambda: (lambda d: (dict.__setitem__(d, 'k', 1), d))({}))
show("dict getitem", lambda: dict.__getitem__({'a': 1}, 'a'))
show("list setitem", lambda: (lambda l: (list.__setitem__(l, 0, 9), l))([1, 2]))
show("list delitem", lambda: (lambda l: (list.__delitem__(l, 0), l))([1, 2]))
show("range len", lambda: range(10).__len__())
show("range contains", lambda: range(10).__contains__(3))
show("complex", lambda: (1j).__complex__())
show("missing arg", lambda: (1).__add__())
show("object hash eq", lambda: (lambda o: object.__hash__(o) == hash(o))(object()))
show("object eq", lambda: object.__eq__(1, 1))

print(int.__add__)
print(float.__truediv__)
print(list.__len__)
print(list.__getitem__)
print(dict.__setitem__)
print(object.__hash__)
print(object.__init__)
print(str.__hash__)
print(type((1).__add__).__name__ if False else 'mw', repr((1).__add__).split(' at ')[0])


class Key(str):
    def __hash__(self):
        return super().__hash__()

    def __eq__(self, other):
        return super().__eq__(other)


k = Key('abc')
print(hash(k) == hash('abc'), k == 'abc', k != 'abd', {k: 1}['abc'])


class S(str):
    def __hash__(self):
        return str.__hash__(self.lower())

    def __eq__(self, other):
        return str.__eq__(self.lower(), other.lower())


d = {S('Hello'): 1}
print(d[S('HELLO')], S('a') == S('A'))


class L(list):
    def __getitem__(self, i):
        return list.__getitem__(self, i) * 10

    def __len__(self):
        return super().__len__() + 100


l = L([1, 2, 3])
print(l[1], len(l), l.__len__())


class I(int):
    def __add__(self, other):
        return I(int.__add__(self, other) * 2)

    def __eq__(self, other):
        return super().__eq__(other)

    def __hash__(self):
        return super().__hash__()

    def __repr__(self):
        return 'I(' + int.__repr__(self) + ')'


print(I(3) + 4, I(3) == 3, hash(I(3)) == hash(3), repr(I(5)))


class D(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)

    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)


dd = D(a=1)
dd['b'] = 5
print(sorted(dd.items()))


class F(float):
    def __truediv__(self, other):
        return float.__truediv__(self, other) + 1000


print(F(1.0) / 4)


class O:
    def __eq__(self, other):
        return super().__eq__(other)

    def __lt__(self, other):
        return super().__lt__(other)


o = O()
print(o == o, o == O(), o.__lt__(o))
try:
    o < O()
except TypeError as e:
    print(type(e).__name__, e)
