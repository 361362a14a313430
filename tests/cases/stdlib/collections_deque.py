# collections.deque: both ends, rotation, maxlen, indexing and errors.
from collections import deque

q = deque([1, 2, 3])
q.append(4)
q.appendleft(0)
print(q, len(q), q[0], q[-1], q[2], list(q), list(reversed(q)))
print(q.pop(), q.popleft(), q)
q.extend([7, 8])
q.extendleft([-1, -2])
print(q)
q.rotate(2)
print(q)
q.rotate(-3)
print(q)
print(3 in q, 99 in q, q.count(7), q.index(7))
q[0] = 100
del q[1]
print(q, q == deque(q), q != deque([]), bool(q), bool(deque()))
bounded = deque(maxlen=3)
for i in range(6):
    bounded.append(i)
print(bounded, bounded.maxlen)
bounded.appendleft(-1)
print(bounded)
print(deque('abc', 2), deque(range(5), maxlen=0))
q = deque()
for i in range(10):
    q.append(i)
total = 0
while q:
    total += q.popleft()
print(total, q)
q = deque()
for i in range(6):
    q.appendleft(i)
print([q.pop() for _ in range(6)])
r = deque([1, 2, 3])
r.reverse()
r.remove(2)
r.insert(1, 9)
print(r, r.copy(), r + deque([5]), r * 2)
r += [6]
print(r)
r.clear()
print(r, len(r))
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5],
            lambda: deque([1]).remove(3), lambda: deque(maxlen=-1)]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    hash(deque())
except TypeError as e:
    print(type(e).__name__)
