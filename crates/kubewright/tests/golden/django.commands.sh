# Build the app's image ghcr.io/example/polls:2.3.1; run it in your app's own folder, the one with its Dockerfile. Give every build a new tag: a pushed tag should never change
docker build -t ghcr.io/example/polls:2.3.1 .

# Push it to the registry the cluster pulls from
docker push ghcr.io/example/polls:2.3.1

# Create the namespace polls that every other object lives in
kubectl apply -f namespace.yaml

# NetworkPolicy polls: the app's pods get only the traffic they need; enforced only by a network plugin that supports it (Calico, Cilium), ignored elsewhere
kubectl apply -n polls -f networkpolicy.yaml

# ServiceAccount polls: who the app's pods and Jobs run as, with no Kubernetes API token mounted
kubectl apply -n polls -f serviceaccount.yaml

# ConfigMap polls-env: the app's plain environment variables
kubectl apply -n polls -f configmap.yaml

# Secret polls-env-secret: the secret environment variables, applied from the file so no value lands in your shell history
kubectl apply -n polls -f secret.yaml

# Secret polls-db-credentials: the database password, read by the database itself; applied from the file, never typed on a command line
kubectl apply -n polls -f database-secret.yaml

# Install the CloudNativePG operator (once per cluster; skip if it is there): it turns Cluster objects into running PostgreSQL
helm upgrade --install cnpg cloudnative-pg --repo https://cloudnative-pg.github.io/charts --namespace cnpg-system --create-namespace --wait

# Cluster polls-db: PostgreSQL run by the operator, with the database and user from the Secret
kubectl apply -n polls -f database-cluster.yaml

# Wait until PostgreSQL accepts connections at polls-db-rw
kubectl wait -n polls --for=condition=Ready clusters.postgresql.cnpg.io/polls-db --timeout=10m

# Job polls-migrate-0: runs once, before the new code starts. `create`, not `apply`: a finished Job keeps its name, so bump the run number for the next run
kubectl create -n polls -f job-migrate.yaml

# Wait for Job polls-migrate-0 to succeed; if it fails this only times out: follow it with `kubectl logs -n polls -f job/polls-migrate-0` meanwhile: with restartPolicy OnFailure the pod is deleted once the retries run out (Never keeps failed pods and their logs)
kubectl wait -n polls --for=condition=complete job/polls-migrate-0 --timeout=10m

# Deployment polls: runs the app's pods and replaces them step by step on every change
kubectl apply -n polls -f deployment.yaml

# Service polls: one stable address in front of the ready pods
kubectl apply -n polls -f service.yaml

# HorizontalPodAutoscaler polls: keeps 2-6 pods, adding them when the pods' CPU use is above its target (needs metrics-server; `kubectl get hpa` shows its view)
kubectl apply -n polls -f hpa.yaml

# PodDisruptionBudget polls: a node drain or cluster upgrade waits rather than take down more of the app's pods than it allows
kubectl apply -n polls -f pdb.yaml

# CronJob polls-clearsessions: runs the app's image on its schedule (every day at 03:30, schedule `30 3 * * *`)
kubectl apply -n polls -f cronjob-clearsessions.yaml

# Try it now rather than wait for the schedule: a Job made from the CronJob's template (`kubectl delete -n polls job/polls-clearsessions-try` when done)
kubectl create job -n polls --from=cronjob/polls-clearsessions polls-clearsessions-try

# Check the Gateway API CRDs are installed (NotFound: `kubectl apply --server-side -f https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.4.0/standard-install.yaml`)
kubectl get crd httproutes.gateway.networking.k8s.io

# Check the Gateway's namespace exists (NotFound: `kubectl create namespace gateway`)
kubectl get namespace gateway

# Check the GatewayClass nginx exists and is Accepted (NotFound: install a Gateway API controller, e.g. NGINX Gateway Fabric, Envoy Gateway, Cilium or Istio, and use its class)
kubectl get gatewayclass nginx

# Check cert-manager is installed with its Gateway API support (install or upgrade: `helm upgrade --install cert-manager oci://quay.io/jetstack/charts/cert-manager --namespace cert-manager --create-namespace --set crds.enabled=true --set config.apiVersion=controller.config.cert-manager.io/v1alpha1 --set config.kind=ControllerConfiguration --set config.enableGatewayAPI=true --wait`)
kubectl get crd certificates.cert-manager.io

# ClusterIssuer letsencrypt-gateway: Let's Encrypt, proving each host over HTTP-01 through the Gateway's HTTP listener
kubectl apply -f clusterissuer.yaml

# Gateway public: the controller for class nginx listens on port 80 (HTTP) and 443 (HTTPS)
kubectl apply -f gateway.yaml

# Wait until the controller has programmed the Gateway (a proxy and its address)
kubectl wait -n gateway --for=condition=Programmed gateway/public --timeout=5m

# HTTPRoute polls: the host names and paths, sent to the Service polls on port 80
kubectl apply -n polls -f httproute.yaml

# Wait until the Gateway accepts the route (if this times out, `kubectl describe -n polls httproute/polls` says why: NotAllowedByListeners means the Gateway's allowedRoutes leave this namespace out)
kubectl wait -n polls '--for=jsonpath={.status.parents[0].conditions[?(@.type=="Accepted")].status}=True' httproute/polls --timeout=2m

# The Gateway's address: point the hosts' DNS at it
kubectl get gateway -n gateway public -o 'jsonpath={.status.addresses[0].value}'

# Wait until cert-manager has made the Certificate polls-tls from the annotation (--for=create needs kubectl 1.31 or newer)
kubectl wait -n gateway --for=create certificate/polls-tls --timeout=2m

# Wait until cert-manager has the certificate in Secret polls-tls, next to the Gateway (Let's Encrypt reaches the hosts over HTTP first, so their DNS must point at the Gateway's address; if this times out, `kubectl describe -n gateway certificate/polls-tls` says why)
kubectl wait -n gateway --for=condition=Ready certificate/polls-tls --timeout=10m

# HTTPRoute polls-redirect: plain HTTP for the same hosts gets a 301 to HTTPS (cert-manager's challenge path still reaches its solver)
kubectl apply -n polls -f httproute-redirect.yaml

# Wait until the Gateway accepts the route (if this times out, `kubectl describe -n polls httproute/polls-redirect` says why: NotAllowedByListeners means the Gateway's allowedRoutes leave this namespace out)
kubectl wait -n polls '--for=jsonpath={.status.parents[0].conditions[?(@.type=="Accepted")].status}=True' httproute/polls-redirect --timeout=2m

# Wait until the rollout is done and the new pods are ready
kubectl rollout status -n polls deployment/polls

# Ask the app at its host name through the Gateway, sending the host name without touching DNS
curl -i --resolve polls.example.com:443:$(kubectl get gateway -n gateway public -o 'jsonpath={.status.addresses[0].value}') https://polls.example.com/
