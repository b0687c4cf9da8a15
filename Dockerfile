# One image for the API and the workers (docker-compose.yml runs it twice with different commands).
FROM python:3.11-slim-bookworm
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 OMP_THREAD_LIMIT=1 DIGITIZE_HOME=/data
RUN apt-get update \
 && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng \
      poppler-utils ghostscript qpdf fonts-liberation fonts-liberation2 opensc softhsm2 libnss3-tools \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY src ./src
COPY api ./api
COPY workers ./workers
COPY samples ./samples
RUN pip install --no-cache-dir .
# libtesseract's OpenMP regions inline (src/digitize/tools/ompinline.c, docs/ocr.md): built next to the
# installed package, the compiler removed again
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev \
 && cc -O2 -Wall -shared -fPIC -o "$(python -c 'import digitize.tools as t, os; print(os.path.dirname(t.__file__))')/libompinline.so" \
      src/digitize/tools/ompinline.c \
 && apt-get purge -y --auto-remove gcc libc6-dev && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1000 digitize && mkdir -p /data && chown digitize /data
USER digitize
EXPOSE 8000
CMD ["digitize", "serve", "--host", "0.0.0.0", "--port", "8000"]
