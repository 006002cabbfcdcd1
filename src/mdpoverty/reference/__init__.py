"""Reference data shipped with the package: poverty standards, programme catalogs, bundled plans."""
