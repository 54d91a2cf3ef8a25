#!/usr/bin/env python
"""Packaging of the Azure CLI extension `byok` (module azext_byok), a py3-none-any wheel."""

from setuptools import find_packages, setup

VERSION = "0.1.0"

CLASSIFIERS = [
    "Development Status :: 4 - Beta",
    "Intended Audience :: System Administrators",
    "Programming Language :: Python :: 3",
    "License :: OSI Approved :: Apache Software License",
]

# The native core comes from its own platform wheel; `az extension add` installs it with pip
# beside the extension.
DEPENDENCIES = ["byok-prereqs==0.1.0"]

setup(
    name="byok",
    version=VERSION,
    description="Checks the prerequisites for moving a key from a Securosys Primus HSM or "
    "CloudHSM partition into Azure Key Vault or Managed HSM (BYOK).",
    license="Apache-2.0",
    classifiers=CLASSIFIERS,
    python_requires=">=3.10",
    packages=find_packages(),
    install_requires=DEPENDENCIES,
    package_data={"azext_byok": ["azext_metadata.json"]},
)
