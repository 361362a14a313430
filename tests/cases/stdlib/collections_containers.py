# collections: defaultdict, Counter and OrderedDict (dict subclasses) in normal use and errors.
from collections import defaultdict, Counter, OrderedDict

d = defaultdict(list)
d['a'].append(1)
d['b'].append(2)
d['a'].append(3)
print(d, d['a'], len(d), 'c' in d, d.get('c'), isinstance(d, dict))
print(d.default_factory, dict(d))
counts = defaultdict(int)
for w in 'the cat the hat the end'.split():
    counts[w] += 1
print(counts, sorted(counts.items()))
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 2
print(nested['x']['y'], dict(nested['x']))
plain = defaultdict()
print(plain)
try:
    plain['missing']
except KeyError as e:
    print(type(e).__name__, e)
try:
    defaultdict(5)
except TypeError as e:
    print(type(e).__name__, e)
print(defaultdict(int, {'a': 1}, b=2))
cp = d.copy()
print(type(cp).__name__, cp)

c = Counter('abracadabra')
print(c)
print(c.most_common(2), c.most_common(), c['z'], 'z' in c)
print(sorted(c.elements()))
c.update('aaz')
print(c)
c.subtract({'a': 1, 'q': 2})
print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2))
print(Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2))
print(Counter(a=3, b=1) & Counter(a=1, b=2))
print(+Counter(a=2, b=-1), -Counter(a=2, b=-1))
print(Counter(), Counter([1, 1, 2]), Counter({'x': 5}), Counter(x=1).total())
print(Counter('ab') == Counter('ba'), Counter('ab') == Counter('abb'))
e = Counter(a=1)
del e['missing']
e += Counter(a=2, b=1)
print(e)
words = 'to be or not to be'.split()
print(Counter(words).most_common(1)[0])
try:
    Counter.fromkeys('abc')
except NotImplementedError as err:
    print(type(err).__name__, err)

od = OrderedDict(a=1, b=2, c=3)
od.move_to_end('a')
print(od, list(od))
od.move_to_end('c', last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([(1, 2)]) == OrderedDict([(1, 2)]))
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {'b': 2, 'a': 1})
try:
    OrderedDict().popitem()
except KeyError as err:
    print(type(err).__name__, err)
try:
    od.move_to_end('zz')
except KeyError as err:
    print(type(err).__name__, err)


class Missing(dict):
    def __missing__(self, key):
        return key * 2


m = Missing(a=1)
print(m['a'], m['bb'], m.get('bb'), dict.__getitem__(m, 'x'), len(m))
