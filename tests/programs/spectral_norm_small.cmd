programs/spectral_norm.py 30
