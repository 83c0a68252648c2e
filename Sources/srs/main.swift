print("srs")
