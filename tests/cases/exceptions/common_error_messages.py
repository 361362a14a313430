# CPython's messages for the common mistakes: wrong argument counts, bad operand types, missing
# attributes, unhashable keys, bad conversions and lookups.
class P:
    def __init__(self, x): self.x = x
    def m(self, a): return a
cases = [
    lambda: P(), lambda: P(1, 2), lambda: P(1).m(), lambda: P(1).m(1, 2), lambda: P(1).m(a=1, b=2),
    lambda: P(1).y, lambda: P.zz, lambda: {[1]: 2}, lambda: {1, [2]}, lambda: hash([]),
    lambda: 1 + "a", lambda: "a" * "b", lambda: [] < 1, lambda: P(1) < P(2), lambda: -"x",
    lambda: len(5), lambda: iter(5), lambda: next([]), lambda: P(1)(), lambda: None.x,
    lambda: int("z"), lambda: float("q"), lambda: [].pop(), lambda: {}.pop("k"), lambda: (1,)[5],
    lambda: "abc"[10], lambda: "abc".index("z"), lambda: [1].index(2), lambda: {}["k"],
    lambda: sorted([1, "a"]), lambda: max([]), lambda: min(1), lambda: abs("x"), lambda: round("x"),
    lambda: divmod(1, 0), lambda: 2 ** -1 % 0, lambda: chr(-1), lambda: ord("ab"), lambda: list(1),
    lambda: dict([1]), lambda: tuple(None), lambda: "a".join([1]), lambda: "%d" % "x", lambda: "{0}".format(),
    lambda: setattr(1, "x", 2), lambda: object().x, lambda: type("T", (), {})().q, lambda: P.m(1),
    lambda: isinstance(1, 2), lambda: issubclass(1, int), lambda: super(P, 1), lambda: print(sep=1),
    lambda: [1, 2, 3][1:2:0], lambda: del_item(), lambda: (lambda *, k: k)(1), lambda: (lambda a, /: a)(a=1),
]
def del_item():
    d = {}
    del d["x"]
for i, c in enumerate(cases):
    try:
        r = c()
        print(i, "ok", r)
    except Exception as e:
        print(i, type(e).__name__, e)
