"""Freedom House: Freedom in the World, Freedom of the Press, Freedom on the Net."""
