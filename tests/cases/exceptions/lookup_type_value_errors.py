# IndexError, ValueError and TypeError messages from common operations on builtin types.

def show(label, fn):
    try:
        print(label, "=", repr(fn()))
    except (IndexError, KeyError, ValueError, TypeError, AttributeError) as e:
        print(label, "->", type(e).__name__ + ":", e)


# IndexError
show("[][0]", lambda: [][0])
show("[1,2][2]", lambda: [1, 2][2])
show("[1,2][-3]", lambda: [1, 2][-3])
show("()[0]", lambda: ()[0])
show("'abc'[5]", lambda: "abc"[5])
show("range(3)[3]", lambda: range(3)[3])
show("[].pop()", lambda: [].pop())
show("[1].pop(5)", lambda: [1].pop(5))
show("big index", lambda: [1][10 ** 20])
show("slice ok", lambda: [1, 2, 3][5:10])


def setitem():
    lst = [0]
    lst[3] = 1


show("lst[3]=1", setitem)

# ValueError
show("int('x')", lambda: int("x"))
show("int('')", lambda: int(""))
show("int('1.5')", lambda: int("1.5"))
show("int('12', 2)", lambda: int("12", 2))
show("int(' 42 ')", lambda: int(" 42 "))
show("int('1_000')", lambda: int("1_000"))
show("float('abc')", lambda: float("abc"))
show("float('')", lambda: float(""))
show("complex('1+')", lambda: complex("1+"))
show("[1,2].index(3)", lambda: [1, 2].index(3))
show("[].remove(0)", lambda: [].remove(0))
show("'abc'.index('d')", lambda: "abc".index("d"))
show("(1,).index(2)", lambda: (1,).index(2))
show("unpack too many", lambda: [(a, b) for a, b in [(1, 2, 3)]])
show("unpack too few", lambda: [(a, b, c) for a, b, c in [(1, 2)]])
show("'a,b'.split('')", lambda: "a,b".split(""))
show("range step 0", lambda: range(1, 5, 0))
show("max([])", lambda: max([]))
show("min(())", lambda: min(()))
show("chr(-1)", lambda: chr(-1))
show("dict from bad seq", lambda: dict([(1, 2, 3)]))

# TypeError
show("'a'+1", lambda: "a" + 1)
show("1+'a'", lambda: 1 + "a")
show("[1]+(2,)", lambda: [1] + (2,))
show("'a'*'b'", lambda: "a" * "b")
show("'a'*1.5", lambda: "a" * 1.5)
show("None+1", lambda: None + 1)
show("-'a'", lambda: -"a")
show("~1.5", lambda: ~1.5)
show("1<'a'", lambda: 1 < "a")
show("[]<()", lambda: [] < ())
show("None<None", lambda: None < None)
show("len(5)", lambda: len(5))
show("abs('x')", lambda: abs("x"))
five = 5
show("5()", lambda: five())
abc = "abc"
show("'abc'[1.0]", lambda: abc[1.0])
one = [1]
show("[1]['a']", lambda: one["a"])
show("{}[[]]", lambda: {}[[]])
show("hash([])", lambda: hash([]))
show("sum(['a'])", lambda: sum(["a"]))
show("int(None)", lambda: int(None))
show("float([])", lambda: float([]))
show("iter(5)", lambda: iter(5))
show("'x' in 5", lambda: "x" in 5)
show("1 in 'abc'", lambda: 1 in "abc")
show("round('a')", lambda: round("a"))
show("sorted([1,'a'])", lambda: sorted([1, "a"]))
show("divmod(1j, 1)", lambda: divmod(1j, 1))
show("1j < 2j", lambda: 1j < 2j)


def exec_assign():
    t = (1, 2)
    t[0] = 5


show("(1,2)[0]=5", exec_assign)


def too_many(a, b):
    return a + b


show("too_many(1,2,3)", lambda: too_many(1, 2, 3))
show("too_many(1)", lambda: too_many(1))
show("too_many(1, c=2)", lambda: too_many(1, c=2))
show("too_many(1, a=2)", lambda: too_many(1, a=2))
show("'abc'.foo", lambda: "abc".foo)
show("(5).real", lambda: (5).real)
