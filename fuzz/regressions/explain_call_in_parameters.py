def f(a($
