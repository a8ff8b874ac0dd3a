#!/usr/bin/env bash
# Deploys Archiver to Azure in one command: builds the package, creates the resource group, deploys infra/main.bicep
# (Flex Consumption app with the dotnet-isolated 10.0 runtime, storage, identity, Application Insights) and pushes the package.
#
#   infra/deploy.sh [resource-group] [location]        defaults: rg-archiver, eastus2
#
# Needs: the Azure CLI signed in (`az login`, and `az account set -s <subscription>` if you have several), the .NET 10
# SDK and zip. ARCHIVER_NAME (default "archiver", 3 to 12 lower-case letters or digits) goes into every resource name.
# Re-running it updates the deployment in place. docs/deploy.md says what it creates and what it costs.
#
# Why az and not azd: the package built and checked here (a worker root: functions.metadata, worker.config.json,
# extensions.json, .azurefunctions/, host.json) is what `az functionapp deployment source config-zip` uploads, unchanged.
set -euo pipefail
cd "$(dirname "$0")/.."

group="${1:-${ARCHIVER_RESOURCE_GROUP:-rg-archiver}}"
location="${2:-${ARCHIVER_LOCATION:-eastus2}}"
name="${ARCHIVER_NAME:-archiver}"

command -v az >/dev/null || { echo "deploy.sh: the Azure CLI (az) is required" >&2; exit 1; }
az account show --output none || { echo "deploy.sh: sign in first with 'az login'" >&2; exit 1; }

echo "1/4 package: scripts/package.sh"
package="$(./scripts/package.sh artifacts/archiver.zip | tail -n 1)"

echo "2/4 resource group: $group in $location"
az group create --name "$group" --location "$location" --output none

echo "3/4 infrastructure: infra/main.bicep"
az deployment group create --resource-group "$group" --name archiver \
  --template-file infra/main.bicep --parameters name="$name" --output none
output() { az deployment group show --resource-group "$group" --name archiver --query "properties.outputs.$1.value" --output tsv; }
app="$(output functionAppName)"
endpoint="$(output endpoint)"

# A fresh role assignment can take a minute or two to reach storage; the first upload may be refused until then.
echo "4/4 code: $package -> $app"
for attempt in 1 2 3 4 5; do
  if az functionapp deployment source config-zip --resource-group "$group" --name "$app" --src "$package" --output none; then
    break
  fi
  if [ "$attempt" = 5 ]; then
    echo "deploy.sh: the package upload kept failing; re-run this script in a few minutes" >&2
    exit 1
  fi
  echo "upload refused (attempt $attempt); retrying in 30 s"
  sleep 30
done

cat <<EOF

Deployed $app
  API:     $endpoint/api   (health: $endpoint/api/health, no key needed)
  Key:     az functionapp keys list --resource-group $group --name $app --query functionKeys.default --output tsv
  Call:    curl -H "x-functions-key: \$KEY" -H 'Content-Type: text/plain' --data-binary @article.txt $endpoint/api/extract
  Remove:  az group delete --name $group
EOF
