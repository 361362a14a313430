import random

def attempt(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

random.seed(1)
attempt(random.randrange, 0)
attempt(random.randrange, -5)
attempt(random.randrange, 5, 5)
attempt(random.randrange, 10, 5)
attempt(random.randrange, 0, 10, 0)
attempt(random.randrange, 0, 10, -1)
attempt(random.randrange, 5, step=2)
attempt(random.randrange, "a")
attempt(random.randint, 5, 1)
attempt(random.choice, [])
attempt(random.choice, "")
attempt(random.sample, [1, 2, 3], 4)
attempt(random.sample, [1, 2, 3], -1)
attempt(random.sample, {1, 2, 3}, 1)
attempt(random.choices, [1, 2], [1, 2, 3])
attempt(random.choices, [1, 2], [0, 0])
attempt(random.choices, [1, 2], [1, 1], cum_weights=[1, 2])
attempt(random.choices, [1, 2], 3)
attempt(random.getrandbits, -1)
attempt(random.getrandbits, 0)
attempt(random.choices, [], k=0)
attempt(random.sample, [], 0)
