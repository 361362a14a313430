from itertools import islice, count, repeat, chain, permutations, combinations, product, tee, cycle, accumulate, starmap

def attempt(f, *a, **k):
    try:
        r = f(*a, **k)
        print(list(r) if not isinstance(r, tuple) else r)
    except Exception as e:
        print(type(e).__name__, e)

attempt(islice, range(5), -1)
attempt(islice, range(5), 'a')
attempt(islice, range(5), -1, 3)
attempt(islice, range(5), 1, -3)
attempt(islice, range(5), 1, 3, 0)
attempt(islice, range(5), 1, 3, -1)
attempt(islice, range(5), 1.5)
attempt(islice, range(5))
attempt(islice, 5, 2)
attempt(islice, range(5), 1, 2, 3, 4)
attempt(count, 'a')
attempt(chain, 1, 2)
attempt(permutations, [1, 2], -1)
attempt(combinations, [1, 2], -1)
attempt(combinations, [1, 2])
attempt(product, [1], repeat=-1)
attempt(tee, [1], -1)
attempt(cycle, 5)
attempt(accumulate, [1, 'a'])
attempt(starmap, pow, [1])
attempt(repeat)
