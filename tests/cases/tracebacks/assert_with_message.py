# A failing assert with a message.

def mean(xs):
    assert len(xs) > 0, "mean of an empty list (got %r)" % (xs,)
    return sum(xs) / len(xs)


print(mean([1, 2, 3, 4]))
print(mean([-1.5, 1.5]))
print(mean([]))
