package com.packetjourney.alb.messaging;

import com.packetjourney.alb.service.AlbService;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * pod → (nothing): the pod's response returns through the ALB, which then stops counting the request as
 * outstanding on its target (a count, done on the event loop). An unreadable record goes to the dead-letter topic.
 */
@ApplicationScoped
public class PodResponses {
    @Inject
    AlbService service;

    @Incoming("pod")
    public void onPodResponded(byte[] json) {
        service.onPodResponded(Json.read(json, HopEvent.class));
    }
}
