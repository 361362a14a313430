# str.format: every malformed replacement field fails with CPython's message; '%' keeps its sign
# for inf and nan.
class A:
    x = 5
    def __getitem__(self, k):
        return k
    def __repr__(self):
        return "A()"
for t in ["{", "}", "{0", "{:", "{0!x}", "{!}", "{!", "{0!", "{0!r", "{0!rx}", "{0!r:}", "{0:{", "{0:{}", "{0:{1}}",
          "{0:{1}", "{}}", "{{}", "a{0}b{", "{0[}", "{0[0}", "{0]}", "{0.}", "{0..x}", "{0[0]x}", "{0[0].x}", "{0.x[1]}",
          "{a{}", "{0{}", "x}y", "}}{{", "{{}}", "{0!s:>5}", "{:{}{}}", "{0:{0:{0}}}", "{}{1}", "{1}{}", "{0!a}",
          "{0!}", "{0!:}", "{ }", "{-1}", "{0[-1]}", "{0[a]}", "{x}", "{0.x}", "{00}", "{1000000000000000000000}"]:
    try:
        print(repr(t), repr(t.format(A(), "b", x=3)))
    except Exception as e:
        print(repr(t), type(e).__name__, e)
for v, spec in [(float("inf"), "%"), (float("nan"), ".1%"), (float("-inf"), "%"), (float("inf"), "10.2%"),
                (float("nan"), "+%"), (float("inf"), "#%"), (float("-inf"), "<8%"), (0.25, "%"), (1e300, ".0%")]:
    print(repr(spec), repr(format(v, spec)), repr(("{:" + spec + "}").format(v)))
