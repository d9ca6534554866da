# Loyalty web app image. `docker compose up` (docker-compose.yml) runs it with PostgreSQL; without Docker use ./loyalty up.

# --- build: the .NET SDK plus node/npm, which the build uses to vendor the front-end libraries into wwwroot/lib ---
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src

# Restore first (its own layer, reused while only code changes). global.json is left out on purpose: it pins the SDK of
# the development machines, and the image brings its own 10.0 SDK.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Loyalty.Domain/Loyalty.Domain.csproj src/Loyalty.Domain/
COPY src/Loyalty.Web/Loyalty.Web.csproj src/Loyalty.Web/
# ReadyToRun (compiled ahead of time, see ./loyalty publish_app) needs the runtime identifier at restore already.
ARG RID=linux-x64
RUN dotnet restore src/Loyalty.Web/Loyalty.Web.csproj -r "$RID" -p:PublishReadyToRun=true

COPY src/Loyalty.Web/package.json src/Loyalty.Web/package-lock.json src/Loyalty.Web/
RUN cd src/Loyalty.Web && npm ci --no-audit --no-fund

COPY src/ src/
RUN dotnet publish src/Loyalty.Web/Loyalty.Web.csproj -c Release -r "$RID" --self-contained false -p:PublishReadyToRun=true -o /out --no-restore

# --- runtime ---
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# PDFs (statements, receipts) are set in DejaVu Sans, read from /usr/share/fonts/truetype/dejavu (Infrastructure/Pdf).
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out ./
RUN mkdir -p /app/logs /app/keys && chown "$APP_UID" /app/logs /app/keys
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS=http://+:5080 \
    Logging__Directory=/app/logs
EXPOSE 5080
USER $APP_UID
# `docker run <image>` serves the app; `docker run <image> migrate` (or any management command) runs that command.
ENTRYPOINT ["dotnet", "Loyalty.Web.dll"]
