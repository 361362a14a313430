# Run under `--max-steps N`: the budget (loop back edges and calls, see src/vm/limits.rs) runs
# out at the same step with the JIT as without it, also while compiled loops and inlined calls
# run, so the state the handler prints is the same.
def sq(x):
    return x * x

def outer(x):
    return sq(x) + sq(x + 1)

state = [0, 0]
total = 0
j = 0
try:
    for i in range(10**9):
        state[0] += i
        if i % 3 == 0:
            state[1] += outer(i)
        j = 0
        while j < i % 5:
            j += 1
            total += j
except BaseException as e:
    print(type(e).__name__, e, state, total, i, j)
