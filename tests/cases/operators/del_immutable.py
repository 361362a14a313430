# Deleting items of immutable objects: "doesn't" for an index on a sequence, "does not" otherwise.
for src in ["t=(1,2); del t[0:1]", "t=(1,2); del t[0]", "s='ab'; del s[0]", "s='ab'; del s[:1]", "b=b'ab'; del b[0]",
            "b=b'ab'; del b[::2]", "r=range(3); del r[0]", "r=range(3); del r[:1]", "x=5; del x[0]", "x=5; del x[:1]",
            "f=frozenset(); del f[0]", "t=(1,); del t['a']", "del {1}[0]", "del (1,)[True]", "del None[0]"]:
    try:
        exec(src)
    except TypeError as e:
        print(src, "->", e)
