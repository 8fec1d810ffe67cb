package fr.gouv.conventions.api.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.gouv.conventions.api.axon.commandhandling.CommandOutcome;
import org.springframework.context.ApplicationContext;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The command endpoints without HTTP, for the benchmark's in-process run: a request path and its JSON body, read
 * into the endpoint's request type and sent through the same {@link CommandSender}; the answer is the status the
 * endpoint would give. It sits in the endpoints' package because {@link CommandSender} and the request types are
 * theirs. Only the commands of the benchmark's mix: a draft, a signature, an avenant, a commitment.
 */
public final class InProcessCommands {

    private static final String CONVENTIONS = "/api/conventions";

    private final CommandSender sender;
    private final ObjectMapper json;
    private final Clock clock;

    public InProcessCommands(ApplicationContext service) {
        sender = service.getBean(CommandSender.class);
        json = service.getBean(ObjectMapper.class);
        clock = service.getBean(Clock.class);
    }

    /** Sends the command {@code path} names, as {@code bench-admin}; 201 for a draft, 200 otherwise. */
    public int post(String path, String body) throws Exception {
        Object command;
        if (path.equals(CONVENTIONS)) {
            DraftRequest draft = json.readValue(body, DraftRequest.class);
            String id = draft.id() != null ? draft.id() : UUID.randomUUID().toString();
            command = draft.toCommand(id, LocalDate.now(clock));
        } else {
            String[] parts = path.substring(CONVENTIONS.length() + 1).split("/");
            String id = parts[0];
            command = switch (parts[1]) {
                case "signatures" -> json.readValue(body, SignatureRequest.class).toCommand(id);
                case "avenants" -> json.readValue(body, AvenantRequest.class).toCommand(id);
                case "commitments" -> json.readValue(body, CommitmentRequest.class).toCommand(id);
                default -> throw new IllegalArgumentException("Not a command of the benchmark's mix: " + path);
            };
        }
        CommandOutcome outcome = sender.send(command, new CommandSender.CommandContext("bench-admin",
                UUID.randomUUID().toString(), null, null, null));
        return outcome.created() ? 201 : 200;
    }
}
