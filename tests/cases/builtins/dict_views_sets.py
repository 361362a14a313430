# dict.keys() and dict.items() are set-like: comparisons, operators on either side, isdisjoint.
d = {"a": 1, "b": 2}
k, it, v = d.keys(), d.items(), d.values()
print(k == {"a", "b"}, k == {"a"}, {"a", "b"} == k, k != {"a"}, it == {("a", 1), ("b", 2)}, k == ["a", "b"])
print(k <= {"a", "b", "c"}, k < {"a", "b"}, k >= {"a"}, k > {"a"}, k <= k, k == d.keys(), it == dict(d).items())
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "z"}))
print(sorted({"a", "z"} & k), sorted(["z"] | k), sorted({"a", "q"} - k), sorted(["a", "z"] ^ k))
print(sorted(it & {("a", 1)}), sorted(it | {("c", 3)}), sorted(it - {("a", 1)}), sorted(it ^ [("a", 1)]))
print(k.isdisjoint({"x"}), k.isdisjoint(["a"]), it.isdisjoint([("a", 1)]), type(k & set()).__name__)
print(len(k), "a" in k, ("a", 1) in it, ("a", 2) in it, 1 in v, list(reversed(k)), list(reversed(it)), list(reversed(v)))
print(v == v, v == d.values(), d.keys() - ["a"])
for f in [lambda: k & 5, lambda: k | None, lambda: k < 5, lambda: v & {1}, lambda: it.isdisjoint(5),
          lambda: dict(a=[1]).items() == {("a", 1)}]:
    try:
        print(f())
    except TypeError as e:
        print("TypeError", e)
