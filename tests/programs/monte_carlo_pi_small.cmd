programs/monte_carlo_pi.py 2000 3
